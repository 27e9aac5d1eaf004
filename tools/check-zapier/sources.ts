/** The published documents every check cites. */
export const CHECKS_REFERENCE = 'Zapier, Integration check reference (https://platform.zapier.com/publish/integration-checks-reference)';
export const PUBLISHING =
  'Zapier, Integration publishing requirements (https://platform.zapier.com/publish/integration-publishing-requirements)';
export const BUILD_GUIDELINES = 'Zapier, Integration build guidelines (https://platform.zapier.com/publish/integration-build-guidelines)';
export const RESPONSE_TYPES = 'Zapier, Response types (https://platform.zapier.com/build/response-types)';
export const ADD_FIELDS = 'Zapier, Add input fields to triggers and actions (https://platform.zapier.com/build/add-fields)';
