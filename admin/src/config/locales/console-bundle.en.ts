import auditActionsEn from './audit-actions.en.json';
import auditArchiveEn from './audit-archive.en.json';
import burdenEn from './burden.en.json';
import consoleEn from './console.en.json';
import delegationEn from './delegation.en.json';
import evidenceEn from './evidence.en.json';
import findingsEn from './findings.en.json';
import fourEyesEn from './four-eyes.en.json';
import inboxEn from './inbox.en.json';
import instanceRefsEn from './instance-refs.en.json';
import mergeEn from './merge.en.json';
import noticeEn from './notice.en.json';
import partsEn from './parts.en.json';
import powersEn from './powers.en.json';
import refusalsEn from './refusals.en.json';
import scoringEn from './scoring.en.json';
import sortingEn from './sorting.en.json';
import statutoryEn from './statutory.en.json';
import titlesEn from './titles.en.json';
import workdayCalcEn from './workday-calc.en.json';

/** Everything else the console says, but for the designer's and the reference editors' own words: loaded with the console. */
export default {
  ...consoleEn,
  ...inboxEn,
  ...delegationEn,
  ...evidenceEn,
  ...mergeEn,
  ...burdenEn,
  ...sortingEn,
  ...auditActionsEn,
  ...findingsEn,
  ...workdayCalcEn,
  ...instanceRefsEn,
  ...noticeEn,
  ...statutoryEn,
  ...fourEyesEn,
  ...auditArchiveEn,
  ...powersEn,
  ...titlesEn,
  ...partsEn,
  ...refusalsEn,
  ...scoringEn,
};
