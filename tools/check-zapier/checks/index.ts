import type { Check } from '../definition';
import { authChecks } from './auth';
import { copyChecks } from './copy';
import { fieldChecks } from './fields';
import { sampleChecks } from './samples';
import { structureChecks } from './structure';

/** Every check of Zapier's published review that the definition alone decides. */
export const checks: Check[] = [...authChecks, ...copyChecks, ...fieldChecks, ...sampleChecks, ...structureChecks];
