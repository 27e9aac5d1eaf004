export const consentIdField = {
  key: 'consent_id',
  label: 'Consent',
  required: true,
  dynamic: 'consent_list.id.name',
  search: 'find_consent.id',
  helpText: 'The custom consent. Pick one from the list, or enter its ID (e.g. `6890b1408f412234d99c8e13`).',
} as const;
