import { Appraisal } from '../entities/appraisal.entity';
import { Award } from '../entities/award.entity';
import { EthicsAssessment } from '../entities/ethics-assessment.entity';
import { NegativeListItem } from '../entities/negative-list-item.entity';
import { Violation } from '../entities/violation.entity';

// What the audit log keeps of each record: its business fields, not its timestamps.

export const ethicsSnapshot = (e: EthicsAssessment) => ({ teacherId: e.teacherId, schoolId: e.schoolId, year: e.year, result: e.result });

export const violationSnapshot = (v: Violation, item: Pick<NegativeListItem, 'code' | 'title'> | undefined) => ({
  teacherId: v.teacherId,
  schoolId: v.schoolId,
  occurredOn: v.occurredOn,
  negativeListItem: item ? { code: item.code, title: item.title } : v.negativeListItemId ? { id: v.negativeListItemId } : null,
  reasonText: v.reasonText,
  classification: v.classification,
  sanction: v.sanction,
  revokedOn: v.revokedOn,
  description: v.description,
});

export const appraisalSnapshot = (a: Appraisal) => ({
  teacherId: a.teacherId,
  schoolId: a.schoolId,
  year: a.year,
  result: a.result,
  requestedResult: a.requestedResult,
  appraiser: a.appraiser,
});

export const awardSnapshot = (a: Award) => ({
  teacherId: a.teacherId,
  schoolId: a.schoolId,
  title: a.title,
  level: a.level,
  awardedOn: a.awardedOn,
  issuer: a.issuer,
});

export const negativeListItemSnapshot = (i: NegativeListItem) => ({ code: i.code, title: i.title, description: i.description, retiredOn: i.retiredOn });
