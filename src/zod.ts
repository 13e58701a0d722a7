/**
 * `zhicheng-eligibility/zod`: the applicant profile as a classic zod schema, for code that already uses
 * zod's methods — `profileSchema.superRefine(eligibility(ruleSet))`. It carries all of zod classic; the
 * main entries use `zod/mini` and stay small.
 */
import * as zodClassic from 'zod';
import { buildProfileSchemas, type ApplicantProfile, type ParsedProfileData, type ZodNamespace } from './profile/schema.js';

/** The same schema as the library's, built with classic zod. */
export const profileSchema = buildProfileSchemas(zodClassic as unknown as ZodNamespace)
  .profileSchema as unknown as zodClassic.ZodType<ParsedProfileData, ApplicantProfile>;

export { eligibility } from './forms/eligibility.js';
