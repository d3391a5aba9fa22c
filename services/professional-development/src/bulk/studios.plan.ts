import { BulkPlan, canWriteSchool, cleanText, compositeKey, currentYearInChina, DESIGNATION_KIND, DESIGNATION_LEVEL, fromItsYear, isRejection, newId, PersonnelAnswer, Planned, Principal, reject, Rejection, requiredText, RowStatus, STUDIO_KIND, TeacherDirectoryEntry, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { Designation } from '../entities/designation.entity';
import { Studio } from '../entities/studio.entity';
import { StudioMember } from '../entities/studio-member.entity';
import { StudioInput } from '../inputs/studio.input';
import { DesignationLevel } from '../rules/designation-rank';
import { HOST_DESIGNATIONS, hostQualification, StudioKind } from '../rules/studio-host';
import { checkYear } from './values';

/** What one accepted row writes: the studio when new or changed, and the membership when new. */
export interface StudioWrite {
  readonly studio?: Studio;
  readonly member?: StudioMember;
}

interface CheckedRow {
  readonly name: string;
  readonly kind: StudioKind;
  readonly level: DesignationLevel;
  readonly host: TeacherDirectoryEntry;
  readonly foundedYear: number;
  readonly member: TeacherDirectoryEntry | null;
}

const STUDIO_COLUMNS = ['kind', 'level', 'host_teacher_id', 'host_school_id', 'founded_year', 'updated_at'];

function checkRow(row: StudioInput, personnel: PersonnelAnswer, now: Date): CheckedRow | Rejection {
  const name = requiredText(row.name, 'name', '工作室名称', 100);
  if (isRejection(name)) return name;
  const foundedYear = checkYear(row.foundedYear, 'foundedYear', '成立年度', currentYearInChina(now));
  if (isRejection(foundedYear)) return foundedYear;
  const host = personnel.teacher(row.hostTeacherId, 'hostTeacherId', '主持人');
  if (isRejection(host)) return host;
  let member: TeacherDirectoryEntry | null = null;
  if (row.memberTeacherId) {
    if (row.memberTeacherId === row.hostTeacherId) return reject('MEMBER_IS_HOST', `成员“${host.name}”是工作室“${name}”的主持人，主持人不列为成员`, 'memberTeacherId');
    const m = personnel.teacher(row.memberTeacherId, 'memberTeacherId', '成员');
    if (isRejection(m)) return m;
    member = m;
  }
  return { name, kind: row.kind, level: row.level, host, foundedYear, member };
}

/** Why a row disagrees with the first row of its studio in the call, or null. */
function disagreement(first: CheckedRow, r: CheckedRow): Rejection | null {
  const of = `工作室“${r.name}”在本批中的`;
  if (first.kind !== r.kind) return reject('STUDIO_CONFLICT', `${of}类型不一致：“${STUDIO_KIND.label(first.kind)}”与“${STUDIO_KIND.label(r.kind)}”`, 'kind');
  if (first.level !== r.level) return reject('STUDIO_CONFLICT', `${of}级别不一致：“${DESIGNATION_LEVEL.label(first.level)}”与“${DESIGNATION_LEVEL.label(r.level)}”`, 'level');
  if (first.host.id !== r.host.id) return reject('STUDIO_CONFLICT', `${of}主持人不一致：“${first.host.name}”与“${r.host.name}”`, 'hostTeacherId');
  if (first.foundedYear !== r.foundedYear) return reject('STUDIO_CONFLICT', `${of}成立年度不一致：${first.foundedYear} 与 ${r.foundedYear}`, 'foundedYear');
  return null;
}

/**
 * Upserting studios from rows shaped like the studios sheet (studio columns repeated on each member
 * row) by 工作室名称, adding the members the rows name. The host must hold, in the founding year, a
 * valid designation of a kind that qualifies for the studio's kind (see HOST_DESIGNATIONS). Each
 * row's result carries the studio's id. Members are only added: a member absent from a file stays.
 */
export function studioPlan(principal: Principal, personnel: PersonnelAnswer, now: Date): BulkPlan<StudioInput, StudioWrite> {
  return {
    name: 'studios',
    key: (r) => compositeKey(cleanText(r.name) ?? '', r.memberTeacherId ?? ''),
    async plan(items, m) {
      const checked = items.map(({ row }) => checkRow(row, personnel, now));
      const valid = checked.filter((c): c is CheckedRow => !isRejection(c));
      const names = [...new Set(valid.map((r) => r.name))];
      const hostIds = [...new Set(valid.map((r) => r.host.id))];
      const [studios, designations] = await Promise.all([
        names.length ? m.getRepository(Studio).findBy({ name: In(names) }) : [],
        hostIds.length ? m.getRepository(Designation).findBy({ teacherId: In(hostIds) }) : [],
      ]);
      const members = studios.length ? await m.getRepository(StudioMember).findBy({ studioId: In(studios.map((s) => s.id)) }) : [];
      const studioByName = new Map(studios.map((s) => [s.name, s]));
      const memberKeys = new Set(members.map((x) => compositeKey(x.studioId, x.teacherId)));

      const first = new Map<string, CheckedRow>();
      const next = new Map<string, { studio: Studio; changed: boolean } | Rejection>();
      return checked.map((c): Planned<StudioWrite> => {
        if (isRejection(c)) return c;
        const lead = first.get(c.name);
        if (lead) {
          const conflict = disagreement(lead, c);
          if (conflict) return conflict;
        } else first.set(c.name, c);

        let s = next.get(c.name);
        if (!s) {
          const stored = studioByName.get(c.name);
          const qualified = hostQualification(c.kind, designations.filter((d) => d.teacherId === c.host.id), c.foundedYear);
          if (stored && !canWriteSchool(principal, stored.hostSchoolId)) {
            s = reject('STUDIO_FORBIDDEN', `无权修改工作室“${c.name}”：它由其他学校的教师主持`, 'name');
          } else if (!qualified) {
            const accepted = HOST_DESIGNATIONS[c.kind].map((k) => DESIGNATION_KIND.label(k)).join('、');
            s = reject(
              'HOST_NOT_QUALIFIED',
              `主持人“${c.host.name}”在成立年度 ${c.foundedYear} 没有有效的${accepted}称号，不能主持${STUDIO_KIND.label(c.kind)}“${c.name}”`,
              'hostTeacherId',
            );
          } else {
            const studio: Studio = {
              id: stored?.id ?? newId(),
              name: c.name,
              kind: c.kind,
              level: c.level,
              hostTeacherId: c.host.id,
              // the host's school when the host was recorded: kept while the host stays
              hostSchoolId: stored && stored.hostTeacherId === c.host.id ? stored.hostSchoolId : c.host.school.id,
              foundedYear: c.foundedYear,
              createdAt: stored?.createdAt ?? now,
              updatedAt: now,
            };
            const changed =
              !stored || stored.kind !== studio.kind || stored.level !== studio.level || stored.hostTeacherId !== studio.hostTeacherId || stored.foundedYear !== studio.foundedYear;
            s = { studio, changed };
          }
          next.set(c.name, s);
        }
        if (isRejection(s)) return s;

        const studioWrite = s.changed ? s.studio : undefined;
        const isNewMember = c.member !== null && !memberKeys.has(compositeKey(s.studio.id, c.member.id));
        const member: StudioMember | undefined = isNewMember
          ? { id: newId(), studioId: s.studio.id, teacherId: c.member!.id, schoolId: c.member!.school.id, createdAt: now }
          : undefined;
        const created = isNewMember || !studioByName.has(c.name);
        const status = created ? RowStatus.CREATED : s.changed ? RowStatus.UPDATED : RowStatus.UNCHANGED;
        return status === RowStatus.UNCHANGED ? { status, id: s.studio.id } : { status, id: s.studio.id, write: { studio: studioWrite, member } };
      });
    },
    async write(rows, m) {
      const studios = new Map<string, Studio>();
      for (const r of rows) if (r.studio) studios.set(r.studio.id, r.studio);
      // studios first: members point at them
      await upsertById(m, Studio, [...studios.values()], STUDIO_COLUMNS);
      const members = rows.map((r) => r.member).filter((x): x is StudioMember => !!x);
      await upsertById(m, StudioMember, members, ['school_id']);
    },
    audit: [
      { entity: 'studio', target: Studio, recordOf: (w) => w.studio, teacherIdOf: (w) => w.studio?.hostTeacherId ?? null, validFromOf: fromItsYear((w) => w.studio?.foundedYear) },
      { entity: 'studio_member', target: StudioMember, recordOf: (w) => w.member, teacherIdOf: (w) => w.member?.teacherId ?? null },
    ],
  };
}
