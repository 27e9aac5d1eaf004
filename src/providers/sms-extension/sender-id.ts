import { z as schema } from 'zod';
import { requiredText } from '../../core/input';

/** ASSUMPTION: [sx-sender-length] the usual limit on an alphanumeric sender id (what handsets show); the collection sets none. */
export const SENDER_ID_MAX_LENGTH = 11;

const ALPHANUMERIC = /^[A-Za-z0-9]+$/;

/** A sender id as the API's `alpha_numeric` rule accepts it: letters and digits only. */
export const senderIdText = () =>
  requiredText('The sender id').pipe(
    schema.string().refine(
      (text) => ALPHANUMERIC.test(text),
      (text) => ({ message: `${JSON.stringify(text)} may contain only letters A-Z and digits 0-9 (no spaces or symbols).` }),
    ),
  );

/** A new sender id: alphanumeric and at most SENDER_ID_MAX_LENGTH characters. */
export const newSenderIdText = () =>
  senderIdText().pipe(
    schema.string().refine(
      (text) => text.length <= SENDER_ID_MAX_LENGTH,
      (text) => ({ message: `${JSON.stringify(text)} is longer than ${SENDER_ID_MAX_LENGTH} characters.` }),
    ),
  );
