/** Sam Rivera, the contact the contact tests share, in the API's field names (his id is c-101). */
export const SAM = { firstName: 'Sam', lastName: 'Rivera', mobileNumber: '+19495550111' };

/** Sam's e-mail, company and notes, in names the API and the steps share. */
export const SAM_DETAILS = { email: 'sam.rivera@example.com', company: 'Rivera Landscaping', notes: 'Prefers texts after 5pm.' };

const STEP_NAMES: Record<string, string> = { firstName: 'first_name', lastName: 'last_name', mobileNumber: 'mobile' };

/**
 * A contact with `fields` as the API answers it (`api`) and as a step outputs it (`output`): the step
 * renames firstName, lastName and mobileNumber and keeps every other field as it is.
 */
export function contactPair(fields: Record<string, unknown>) {
  const output = Object.fromEntries(Object.entries(fields).map(([key, value]) => [STEP_NAMES[key] ?? key, value]));
  return { api: fields, output };
}
