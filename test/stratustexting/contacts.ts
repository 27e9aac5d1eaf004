/**
 * Sam Rivera, the contact the contact tests share, written out both ways: as the API answers
 * (`api`, its field names) and as a step outputs him (`output`, first_name, last_name, mobile).
 */
export const SAM = {
  api: { id: 'c-101', firstName: 'Sam', lastName: 'Rivera', mobileNumber: '+19495550111' },
  output: { id: 'c-101', first_name: 'Sam', last_name: 'Rivera', mobile: '+19495550111' },
};

/** Sam's e-mail, company and notes: fields the API and the steps name alike. */
export const SAM_DETAILS = { email: 'sam.rivera@example.com', company: 'Rivera Landscaping', notes: 'Prefers texts after 5pm.' };
