import { inferTopic } from '../src/rules/training-topic';

describe('inferTopic', () => {
  it.each([
    ['2024年全区中小学教师师德师风专题培训', 'ETHICS'],
    ['新时代中小学教师职业行为十项准则解读', 'ETHICS'],
    ['师德警示教育暨廉洁从教专题报告会', 'ETHICS'],
    ['学习贯彻党的二十大精神专题培训', 'POLITICAL'],
    ['习近平新时代中国特色社会主义思想教师专题研修', 'POLITICAL'],
    ['教师思想政治素质提升培训班', 'POLITICAL'],
    ['党史学习教育专题培训', 'POLITICAL'],
    ['“国培计划”——中小学班主任能力提升高级研修', 'HOMEROOM'],
    ['区级德育工作与班级管理专题培训', 'HOMEROOM'],
    ['中小学教师信息技术应用能力提升工程2.0', 'IT'],
    ['人工智能助推教师队伍建设行动试点培训', 'IT'],
    ['AI 赋能课堂教学专题研修', 'IT'],
    ['智慧课堂与数字化教学资源应用', 'IT'],
    ['初中数学大单元教学设计研修', 'SUBJECT_TEACHING'],
    ['义务教育新课标解读与课堂教学实践', 'SUBJECT_TEACHING'],
    ['小学信息科技学科教学能力提升', 'SUBJECT_TEACHING'],
    ['高中思想政治学科核心素养教学研修', 'SUBJECT_TEACHING'],
    ['初中道德与法治骨干教师培训', 'SUBJECT_TEACHING'],
    ['思政课教师教学能力提升培训', 'SUBJECT_TEACHING'],
    ['新入职教师岗前培训', 'OTHER'],
    ['校园安全与应急管理培训', 'OTHER'],
    ['STEAM TRAINING CAMP', 'OTHER'],
  ])('reads “%s” as %s', (name, topic) => {
    expect(inferTopic(name)).toBe(topic);
  });

  it('reads full-width letters as half-width and ignores stray spaces inside words', () => {
    expect(inferTopic('ＡＩ　赋能教学')).toBe('IT');
    expect(inferTopic('  师 德 师 风 建设  ')).toBe('ETHICS');
    expect(inferTopic('班 主 任')).toBe('HOMEROOM');
  });
});
