import { TITLE_LEVELS, type ApplicantProfile } from '../../src/index.js';

/**
 * Profiles whose every date sits on an edge: each rule set's cut-off days (the day before, the day,
 * the day after), leap days and year ends — with the dates compared against them on the same edges,
 * whole years apart (a 3-year record ending on its anniversary, a skill held exactly N years, a title
 * counted one year early). Where a time zone could shift a day, these are the days it would show.
 */

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The same month and day `years` earlier; 29 February becomes the 28th in a common year. */
export function yearsBefore(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) - years;
  const monthDay = day.slice(5) === '02-29' && !isLeap(year) ? '02-28' : day.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

export function edgeProfiles(days: readonly string[]): ApplicantProfile[] {
  return days.flatMap((day, index) => {
    const level = TITLE_LEVELS[index % TITLE_LEVELS.length]!;
    const lower = TITLE_LEVELS[Math.max(0, (index % TITLE_LEVELS.length) - 1)]!;
    const year = Number(day.slice(0, 4));
    const hours = [year - 4, year - 3, year - 2, year - 1, year].map((at) => ({ year: Math.min(2100, Math.max(1949, at)), publicHours: 18, professionalHours: 60, examHours: 12 }));
    // Every date on the edge day itself.
    const onTheDay: ApplicantProfile = {
      application: { targetLevel: level, series: 'engineering', committeeSeries: 'engineering', submittedOn: day, adjustedDeadline: day, route: index % 2 ? 'skilled_talent' : 'normal' },
      titles: [{ level: lower, obtainedOn: day }],
      education: [{ level: 'master', credential: 'diploma', fullTime: true, obtainedOn: day, relatedToSpecialty: true }],
      skills: [{ level: 'senior_technician', obtainedOn: day, relatedToSpecialty: true }],
      awards: [{ level: 'provincial_ministerial', obtainedOn: day }],
      discipline: { sanctions: [{ kind: 'party', from: day, until: day }], underInvestigation: false, integrityRecords: [{ kind: 'fraud', recordedOn: day }] },
      employment: { specialtyWorkStartedOn: day },
      continuingEducation: hours,
    };
    // Dates whole years before an application made on the edge day.
    const yearsBeforeIt: ApplicantProfile = {
      application: { targetLevel: level, series: 'engineering', committeeSeries: 'engineering', submittedOn: day, route: 'skilled_talent' },
      titles: [{ level: lower, obtainedOn: yearsBefore(day, 1) }],
      education: [{ level: 'master', credential: 'diploma', fullTime: true, obtainedOn: yearsBefore(day, 2), relatedToSpecialty: true }],
      skills: [
        { level: 'senior_worker', obtainedOn: yearsBefore(day, 2), relatedToSpecialty: true },
        { level: 'technician', obtainedOn: yearsBefore(day, 3), relatedToSpecialty: true },
        { level: 'senior_technician', obtainedOn: yearsBefore(day, 4), relatedToSpecialty: true },
      ],
      discipline: { sanctions: [{ kind: 'administrative', from: yearsBefore(day, 1), until: day }], integrityRecords: [{ kind: 'fraud', recordedOn: yearsBefore(day, 3) }] },
      continuingEducation: hours,
    };
    return [onTheDay, yearsBeforeIt];
  });
}
