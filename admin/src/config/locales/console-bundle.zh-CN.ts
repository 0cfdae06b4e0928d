import auditActionsZh from './audit-actions.zh-CN.json';
import auditArchiveZh from './audit-archive.zh-CN.json';
import burdenZh from './burden.zh-CN.json';
import consoleZh from './console.zh-CN.json';
import delegationZh from './delegation.zh-CN.json';
import evidenceZh from './evidence.zh-CN.json';
import findingsZh from './findings.zh-CN.json';
import fourEyesZh from './four-eyes.zh-CN.json';
import inboxZh from './inbox.zh-CN.json';
import instanceRefsZh from './instance-refs.zh-CN.json';
import mergeZh from './merge.zh-CN.json';
import noticeZh from './notice.zh-CN.json';
import partsZh from './parts.zh-CN.json';
import powersZh from './powers.zh-CN.json';
import refusalsZh from './refusals.zh-CN.json';
import scoringZh from './scoring.zh-CN.json';
import sortingZh from './sorting.zh-CN.json';
import statutoryZh from './statutory.zh-CN.json';
import titlesZh from './titles.zh-CN.json';
import workdayCalcZh from './workday-calc.zh-CN.json';

/** Everything else the console says, but for the designer's and the reference editors' own words: loaded with the console. */
export default {
  ...consoleZh,
  ...inboxZh,
  ...delegationZh,
  ...evidenceZh,
  ...mergeZh,
  ...burdenZh,
  ...sortingZh,
  ...auditActionsZh,
  ...findingsZh,
  ...workdayCalcZh,
  ...instanceRefsZh,
  ...noticeZh,
  ...statutoryZh,
  ...fourEyesZh,
  ...auditArchiveZh,
  ...powersZh,
  ...titlesZh,
  ...partsZh,
  ...refusalsZh,
  ...scoringZh,
};
