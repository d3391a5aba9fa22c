import { CodeTable } from './code-table';

/** 性别 (GB/T 2261.1); 0 and 9 are not valid on a teacher record. */
export const GENDER = new CodeTable('Gender', '性别', [
  { value: 'MALE', code: '1', label: '男', aliases: ['男性'] },
  { value: 'FEMALE', code: '2', label: '女', aliases: ['女性'] },
] as const);

/** 身份证件类型. Only 居民身份证 is checked (GB 11643); the others are stored as given. */
export const ID_TYPE = new CodeTable('IdType', '身份证件类型', [
  { value: 'RESIDENT_ID', code: '1', label: '居民身份证', aliases: ['身份证', '二代身份证'] },
  { value: 'MILITARY_OFFICER', code: '2', label: '军官证' },
  { value: 'SOLDIER', code: '3', label: '士兵证' },
  { value: 'CIVILIAN_CADRE', code: '4', label: '文职干部证' },
  { value: 'MILITARY_RETIREE', code: '5', label: '部队离退休证' },
  { value: 'HONG_KONG', code: '6', label: '香港特区护照/身份证明', aliases: ['港澳居民来往内地通行证'] },
  { value: 'MACAO', code: '7', label: '澳门特区护照/身份证明' },
  { value: 'TAIWAN', code: '8', label: '台湾居民来往大陆通行证' },
  { value: 'FOREIGN_PERMANENT_RESIDENCE', code: '9', label: '境外永久居住证', aliases: ['外国人永久居留身份证'] },
  { value: 'PASSPORT', code: 'A', label: '护照' },
  { value: 'RESIDENCE_PERMIT', label: '港澳台居民居住证' },
  { value: 'OTHER', code: 'Z', label: '其他' },
] as const);

/** 政治面貌 (GB/T 4762). */
export const POLITICAL_STATUS = new CodeTable('PoliticalStatus', '政治面貌', [
  { value: 'CPC_MEMBER', code: '01', label: '中国共产党党员', aliases: ['党员', '中共党员'], keywords: ['中共党员', '共产党员'] },
  { value: 'CPC_PROBATIONARY_MEMBER', code: '02', label: '中国共产党预备党员', aliases: ['预备党员', '中共预备党员'], keywords: ['预备党员'] },
  { value: 'CYL_MEMBER', code: '03', label: '中国共产主义青年团团员', aliases: ['团员', '共青团员'], keywords: ['团员'] },
  { value: 'RCCK', code: '04', label: '中国国民党革命委员会会员', aliases: ['民革会员'] },
  { value: 'CDL', code: '05', label: '中国民主同盟盟员', aliases: ['民盟盟员'] },
  { value: 'CNDCA', code: '06', label: '中国民主建国会会员', aliases: ['民建会员'] },
  { value: 'CAPD', code: '07', label: '中国民主促进会会员', aliases: ['民进会员'] },
  { value: 'CPWDP', code: '08', label: '中国农工民主党党员', aliases: ['农工党党员'] },
  { value: 'CZGP', code: '09', label: '中国致公党党员', aliases: ['致公党党员'] },
  { value: 'JIUSAN', code: '10', label: '九三学社社员' },
  { value: 'TDSGL', code: '11', label: '台湾民主自治同盟盟员', aliases: ['台盟盟员'] },
  { value: 'NON_PARTISAN', code: '12', label: '无党派人士', aliases: ['无党派'] },
  { value: 'MASSES', code: '13', label: '群众', keywords: ['群众'] },
] as const);

/** Party members for the district's "dual cultivation" figures: members and probationary members. */
export const PARTY_MEMBER_STATUSES = ['CPC_MEMBER', 'CPC_PROBATIONARY_MEMBER'] as const;

const ETHNIC_GROUPS: ReadonlyArray<readonly [string, string, string]> = [
  ['01', 'HAN', '汉族'], ['02', 'MONGOL', '蒙古族'], ['03', 'HUI', '回族'], ['04', 'ZANG', '藏族'],
  ['05', 'UYGUR', '维吾尔族'], ['06', 'MIAO', '苗族'], ['07', 'YI', '彝族'], ['08', 'ZHUANG', '壮族'],
  ['09', 'BUYEI', '布依族'], ['10', 'CHOSEN', '朝鲜族'], ['11', 'MAN', '满族'], ['12', 'DONG', '侗族'],
  ['13', 'YAO', '瑶族'], ['14', 'BAI', '白族'], ['15', 'TUJIA', '土家族'], ['16', 'HANI', '哈尼族'],
  ['17', 'KAZAK', '哈萨克族'], ['18', 'DAI', '傣族'], ['19', 'LI', '黎族'], ['20', 'LISU', '傈僳族'],
  ['21', 'VA', '佤族'], ['22', 'SHE', '畲族'], ['23', 'GAOSHAN', '高山族'], ['24', 'LAHU', '拉祜族'],
  ['25', 'SUI', '水族'], ['26', 'DONGXIANG', '东乡族'], ['27', 'NAXI', '纳西族'], ['28', 'JINGPO', '景颇族'],
  ['29', 'KIRGIZ', '柯尔克孜族'], ['30', 'TU', '土族'], ['31', 'DAUR', '达斡尔族'], ['32', 'MULAO', '仫佬族'],
  ['33', 'QIANG', '羌族'], ['34', 'BLANG', '布朗族'], ['35', 'SALAR', '撒拉族'], ['36', 'MAONAN', '毛南族'],
  ['37', 'GELAO', '仡佬族'], ['38', 'XIBE', '锡伯族'], ['39', 'ACHANG', '阿昌族'], ['40', 'PUMI', '普米族'],
  ['41', 'TAJIK', '塔吉克族'], ['42', 'NU', '怒族'], ['43', 'UZBEK', '乌孜别克族'], ['44', 'RUSS', '俄罗斯族'],
  ['45', 'EWENKI', '鄂温克族'], ['46', 'DEANG', '德昂族'], ['47', 'BONAN', '保安族'], ['48', 'YUGUR', '裕固族'],
  ['49', 'GIN', '京族'], ['50', 'TATAR', '塔塔尔族'], ['51', 'DERUNG', '独龙族'], ['52', 'OROQEN', '鄂伦春族'],
  ['53', 'HEZHEN', '赫哲族'], ['54', 'MONBA', '门巴族'], ['55', 'LHOBA', '珞巴族'], ['56', 'JINO', '基诺族'],
  ['97', 'OTHER', '其他'], ['98', 'FOREIGN_ORIGIN', '外国血统中国籍人士'],
];

/** 民族 (GB 3304); the label without 族 (汉, 回) is accepted too. */
export const ETHNICITY = new CodeTable(
  'Ethnicity',
  '民族',
  ETHNIC_GROUPS.map(([code, value, label]) => ({
    value,
    code,
    label,
    aliases: label.endsWith('族') && label.length > 1 ? [label.slice(0, -1)] : [],
  })),
);

/** 最高学历, with the everyday forms. */
export const EDUCATION = new CodeTable('Education', '最高学历', [
  { value: 'POSTGRADUATE', label: '研究生', aliases: ['博士研究生', '硕士研究生', '研究生及以上', '博士', '硕士'], keywords: ['研究生', '硕士', '博士'] },
  { value: 'BACHELOR', label: '大学本科', aliases: ['本科'], keywords: ['本科'] },
  { value: 'ASSOCIATE', label: '大学专科', aliases: ['大专', '专科'], keywords: ['专科', '大专'] },
  { value: 'SECONDARY_SPECIALIZED', label: '中专', aliases: ['中等专科', '中师', '中等师范'], keywords: ['中专', '中师', '中等专业', '中等师范', '职高'] },
  { value: 'HIGH_SCHOOL_OR_BELOW', label: '高中及以下', aliases: ['高中', '初中及以下', '初中'], keywords: ['高中', '初中', '小学'] },
] as const);

/** 签订合同情况. */
export const CONTRACT_STATUS = new CodeTable('ContractStatus', '签订合同情况', [
  { value: 'NONE', code: '0', label: '未签合同' },
  { value: 'EMPLOYMENT', code: '1', label: '聘用合同' },
  { value: 'LABOR', code: '2', label: '劳动合同' },
  { value: 'OTHER', code: '3', label: '其他合同' },
] as const);
