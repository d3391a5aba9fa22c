import { NEGATIVE_LIST_ITEM, newId, systemClock } from '@tw/kernel';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** What each of the ten items forbids (新时代中小学教师职业行为十项准则), by item number. */
const FORBIDS: Record<string, string> = {
  '1': '不得在教育教学活动中及其他场合有损害党中央权威、违背党的路线方针政策的言行',
  '2': '不得损害国家利益、社会公共利益，或违背社会公序良俗',
  '3': '不得通过课堂、论坛、讲座、信息网络及其他渠道发表、转发错误观点，或编造散布虚假信息、不良信息',
  '4': '不得违反教学纪律，敷衍教学，或擅自从事影响教育教学本职工作的兼职兼薪行为',
  '5': '不得歧视、侮辱学生，严禁虐待、伤害学生（含体罚和变相体罚）',
  '6': '不得在教育教学活动中遇突发事件、面临危险时，不顾学生安危，擅离职守，自行逃离',
  '7': '不得与学生发生任何不正当关系，严禁任何形式的猥亵、性骚扰行为',
  '8': '不得在招生、考试、推优、保送及绩效考核、岗位聘用、职称评聘、评优评奖等工作中徇私舞弊、弄虚作假',
  '9': '不得索要、收受学生及家长财物或参加由学生及家长付费的宴请、旅游、娱乐休闲等活动，不得向学生推销图书报刊、教辅材料、社会保险或利用家长资源谋取私利',
  '10': '不得组织、参与有偿补课，或为校外培训机构和他人介绍生源、提供相关信息',
};

/** Seeds the maintained negative list with the ten items of the code of conduct (labels from the kernel's code table). */
export class NegativeList1764201600001 implements MigrationInterface {
  name = 'NegativeList1764201600001';

  async up(q: QueryRunner): Promise<void> {
    // a UTC datetime as text: both engines read it, and better-sqlite3 binds no Date objects
    const now = systemClock.now().toISOString().slice(0, 23).replace('T', ' ');
    // plain SQL rather than the entity: a migration must not change when the entity class does
    for (const [i, e] of NEGATIVE_LIST_ITEM.entries.entries()) {
      await q.query(
        'INSERT INTO negative_list_item (id, code, title, description, sort_order, retired_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
        [newId(), e.code!, e.label, FORBIDS[e.code!] ?? null, i + 1, now, now],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const codes = NEGATIVE_LIST_ITEM.entries.map((e) => e.code!);
    await q.query(`DELETE FROM negative_list_item WHERE code IN (${codes.map(() => '?').join(', ')})`, codes);
  }
}
