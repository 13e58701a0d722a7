/** The source of src/rulesets/bundled.ts, generated from each rules/<id>/ruleset.json. */
export declare const REGISTRY_FILE: string;
export declare function registrySource(): string;
