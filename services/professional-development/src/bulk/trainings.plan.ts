import {
  BulkPlan,
  cleanText,
  compositeKey,
  currentYearInChina,
  isRejection,
  newId,
  optionalText,
  PersonnelAnswer,
  Planned,
  reject,
  Rejection,
  requiredText,
  RowStatus,
  TeacherDirectoryEntry,
  TRAINING_LEVEL,
  TRAINING_MODE,
  TRAINING_TOPIC,
  upsertById,
} from '@tw/kernel';
import { In } from 'typeorm';
import { TrainingParticipation } from '../entities/training-participation.entity';
import { TopicSource, TrainingLevel, TrainingMode, TrainingProgramme } from '../entities/training-programme.entity';
import { TrainingInput } from '../inputs/training.input';
import { inferTopic, TrainingTopic } from '../rules/training-topic';
import { checkCount, checkYear } from './values';

/** The most 学时 one participation may carry (a three-month release programme is about 600). */
export const MAX_HOURS = 1000;
/** The most 学分 one participation may carry. */
export const MAX_CREDITS = 200;

/** What one accepted row writes: its participation, and its programme when that is new or changed. */
export interface TrainingWrite {
  readonly programme?: TrainingProgramme;
  readonly participation: TrainingParticipation;
}

interface CheckedRow {
  readonly teacher: TeacherDirectoryEntry;
  readonly year: number;
  readonly level: TrainingLevel;
  readonly name: string;
  readonly provider: string | null;
  readonly mode: TrainingMode;
  readonly topic: TrainingTopic | null;
  readonly hours: number;
  readonly credits: number | null;
}

/** The programme attributes the rows of one call give, agreed between them. */
interface Agreed {
  provider?: string;
  mode?: TrainingMode;
  topic?: TrainingTopic;
}

const programmeKey = (year: number, name: string, level: TrainingLevel) => compositeKey(year, name, level);
const PROGRAMME_COLUMNS = ['provider', 'mode', 'topic', 'topic_source', 'updated_at'];
const PARTICIPATION_COLUMNS = ['programme_id', 'year', 'hours', 'credits', 'updated_at'];

function checkRow(row: TrainingInput, personnel: PersonnelAnswer, now: Date): CheckedRow | Rejection {
  const teacher = personnel.teacher(row.teacherId, 'teacherId');
  if (isRejection(teacher)) return teacher;
  const year = checkYear(row.year, 'year', '培训年度', currentYearInChina(now));
  if (isRejection(year)) return year;
  const name = requiredText(row.projectName, 'projectName', '培训项目名称', 200);
  if (isRejection(name)) return name;
  const provider = optionalText(row.provider, 'provider', '培训机构名称', 100);
  if (isRejection(provider)) return provider;
  const hours = checkCount(row.hours, 'hours', '培训获得学时', MAX_HOURS, 'BAD_HOURS');
  if (isRejection(hours)) return hours;
  if (hours === null) return reject('REQUIRED', '培训获得学时不能为空', 'hours');
  const credits = checkCount(row.credits, 'credits', '培训获得学分', MAX_CREDITS, 'BAD_CREDITS');
  if (isRejection(credits)) return credits;
  return { teacher, year, level: row.level, name, provider, mode: row.mode, topic: row.topic ?? null, hours, credits };
}

/**
 * Records what a row gives for its programme, or why it disagrees with an earlier row of the call
 * (then it records nothing: a rejected row does not shape the programme).
 */
function agree(agreed: Agreed, r: CheckedRow): Rejection | null {
  const label = `培训项目“${r.name}”（${r.year} 年度，${TRAINING_LEVEL.label(r.level)}）在本批中的`;
  if (r.provider !== null && agreed.provider !== undefined && agreed.provider !== r.provider) {
    return reject('PROGRAMME_CONFLICT', `${label}培训机构不一致：“${agreed.provider}”与“${r.provider}”`, 'provider');
  }
  if (agreed.mode !== undefined && agreed.mode !== r.mode) {
    return reject('PROGRAMME_CONFLICT', `${label}培训方式不一致：“${TRAINING_MODE.label(agreed.mode)}”与“${TRAINING_MODE.label(r.mode)}”`, 'mode');
  }
  if (r.topic !== null && agreed.topic !== undefined && agreed.topic !== r.topic) {
    return reject('PROGRAMME_CONFLICT', `${label}培训主题不一致：“${TRAINING_TOPIC.label(agreed.topic)}”与“${TRAINING_TOPIC.label(r.topic)}”`, 'topic');
  }
  if (r.provider !== null) agreed.provider = r.provider;
  agreed.mode = r.mode;
  if (r.topic !== null) agreed.topic = r.topic;
  return null;
}

/** The programme as the call leaves it: a given topic wins, then one a file gave before, then the inferred one. */
function nextProgramme(stored: TrainingProgramme | undefined, r: CheckedRow, agreed: Agreed, now: Date): TrainingProgramme {
  const keepsGiven = agreed.topic === undefined && stored?.topicSource === 'GIVEN';
  const topic: TrainingTopic = agreed.topic ?? (keepsGiven ? stored!.topic : inferTopic(r.name));
  const topicSource: TopicSource = agreed.topic !== undefined || keepsGiven ? 'GIVEN' : 'INFERRED';
  return {
    id: stored?.id ?? newId(),
    year: r.year,
    level: r.level,
    name: r.name,
    provider: agreed.provider ?? stored?.provider ?? null,
    mode: agreed.mode ?? r.mode,
    topic,
    topicSource,
    createdAt: stored?.createdAt ?? now,
    updatedAt: now,
  };
}

const programmeChanged = (a: TrainingProgramme, b: TrainingProgramme) =>
  a.provider !== b.provider || a.mode !== b.mode || a.topic !== b.topic || a.topicSource !== b.topicSource;

/**
 * Upserting training participations (one 国内培训 row each) by teacher + 培训年度 + 培训项目名称, and
 * the programmes they name by year + name + level. Rows naming one programme must agree on its
 * provider, mode and topic. A participation keeps the school its teacher had when it was first written.
 */
export function trainingPlan(personnel: PersonnelAnswer, now: Date): BulkPlan<TrainingInput, TrainingWrite> {
  return {
    name: 'trainings',
    key: (r) => compositeKey(r.teacherId, r.year, cleanText(r.projectName) ?? ''),
    async plan(items, m) {
      const checked = items.map(({ row }) => checkRow(row, personnel, now));
      const valid = checked.filter((c): c is CheckedRow => !isRejection(c));
      const years = [...new Set(valid.map((r) => r.year))];
      const names = [...new Set(valid.map((r) => r.name))];
      // every programme a row's key could match (any level), then the teachers' participations in them
      const programmes = valid.length ? await m.getRepository(TrainingProgramme).findBy({ year: In(years), name: In(names) }) : [];
      const teacherIds = [...new Set(valid.map((r) => r.teacher.id))];
      const participations =
        programmes.length && teacherIds.length
          ? await m.getRepository(TrainingParticipation).findBy({ teacherId: In(teacherIds), programmeId: In(programmes.map((p) => p.id)) })
          : [];
      const programmeById = new Map(programmes.map((p) => [p.id, p]));
      const programmeByKey = new Map(programmes.map((p) => [programmeKey(p.year, p.name, p.level), p]));
      const participationByKey = new Map(
        participations.map((p) => {
          const g = programmeById.get(p.programmeId)!;
          return [compositeKey(p.teacherId, g.year, g.name), p];
        }),
      );

      const agreed = new Map<string, Agreed>();
      const outcome = checked.map((c) => {
        if (isRejection(c)) return c;
        const key = programmeKey(c.year, c.name, c.level);
        const a = agreed.get(key) ?? {};
        agreed.set(key, a);
        return agree(a, c) ?? c;
      });

      const next = new Map<string, { programme: TrainingProgramme; changed: boolean }>();
      return outcome.map((c): Planned<TrainingWrite> => {
        if (isRejection(c)) return c;
        const key = programmeKey(c.year, c.name, c.level);
        let p = next.get(key);
        if (!p) {
          const stored = programmeByKey.get(key);
          const programme = nextProgramme(stored, c, agreed.get(key)!, now);
          p = { programme, changed: !stored || programmeChanged(stored, programme) };
          next.set(key, p);
        }
        const existing = participationByKey.get(compositeKey(c.teacher.id, c.year, c.name));
        const participation: TrainingParticipation = {
          id: existing?.id ?? newId(),
          programmeId: p.programme.id,
          teacherId: c.teacher.id,
          schoolId: existing?.schoolId ?? c.teacher.school.id,
          year: c.year,
          hours: c.hours,
          credits: c.credits,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        const write: TrainingWrite = { programme: p.changed ? p.programme : undefined, participation };
        if (!existing) return { status: RowStatus.CREATED, id: participation.id, write };
        const changed = p.changed || existing.programmeId !== participation.programmeId || existing.hours !== c.hours || (existing.credits ?? null) !== c.credits;
        return changed ? { status: RowStatus.UPDATED, id: existing.id, write } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    async write(rows, m) {
      const programmes = new Map<string, TrainingProgramme>();
      for (const r of rows) if (r.programme) programmes.set(r.programme.id, r.programme);
      // programmes first: participations point at them
      await upsertById(m, TrainingProgramme, [...programmes.values()], PROGRAMME_COLUMNS);
      await upsertById(m, TrainingParticipation, rows.map((r) => r.participation), PARTICIPATION_COLUMNS);
    },
    audit: [
      { entity: 'training_participation', target: TrainingParticipation, recordOf: (w) => w.participation, teacherIdOf: (w) => w.participation.teacherId },
      { entity: 'training_programme', target: TrainingProgramme, recordOf: (w) => w.programme },
    ],
  };
}
