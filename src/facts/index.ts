import { continuingEducationHours, continuingEducationRequired } from './continuing-education.js';
import { sanctionActiveOnApplication, integrityRecordActiveOnApplication } from './discipline.js';
import { hasEducation } from './education.js';
import { answered, field } from './field.js';
import { listHas, yearsSinceEntry } from './lists.js';
import { placeWithin, samePlace } from './place.js';
import { titleObtainedOn } from './titles.js';
import type { FactDefinition } from './types.js';

/** The closed set of facts a rule set may name. A rule set naming any other is refused at load. */
export const FACTS: ReadonlyMap<string, FactDefinition> = new Map(
  [
    field,
    titleObtainedOn,
    hasEducation,
    continuingEducationHours,
    continuingEducationRequired,
    sanctionActiveOnApplication,
    integrityRecordActiveOnApplication,
    listHas,
    yearsSinceEntry,
    placeWithin,
    samePlace,
    answered,
  ].map((fact) => [fact.name, fact as FactDefinition]),
);

export type { FactDefinition, FactValue } from './types.js';
