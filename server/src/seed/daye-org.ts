/**
 * The demo city's organisation: 大冶市 (Daye, Hubei), admin code 420281 (docs/demo-city.md, "Administration"; not yet checked against the official list).
 * Streets and towns are named in docs/demo-city.md; their 3-digit codes follow the GB/T 2260 township pattern
 * (街道 001–, 镇 100–, 乡 200–) but are not verified, so every region is marked synthetic.
 * Units named in the seed report carry `synthetic: false`; names we supplied for the usual 所/队 are marked synthetic.
 */
export const DAYE = { code: '420281', name: '大冶市', timezone: 'Asia/Shanghai' } as const;

export const DAYE_STREETS = [
  { code: '001', name: '东岳路街道', kind: 'street' },
  { code: '002', name: '东风路街道', kind: 'street' },
  { code: '003', name: '金湖街道', kind: 'street' },
  { code: '004', name: '罗家桥街道', kind: 'street' },
  { code: '100', name: '金牛镇', kind: 'town' },
  { code: '101', name: '保安镇', kind: 'town' },
  { code: '102', name: '灵乡镇', kind: 'town' },
  { code: '103', name: '金山店镇', kind: 'town' },
  { code: '104', name: '还地桥镇', kind: 'town' },
  { code: '105', name: '殷祖镇', kind: 'town' },
  { code: '106', name: '刘仁八镇', kind: 'town' },
  { code: '107', name: '陈贵镇', kind: 'town' },
  { code: '108', name: '大箕铺镇', kind: 'town' },
  { code: '200', name: '茗山乡', kind: 'town' },
] as const;

export interface SeedUnit {
  code: string;
  name: string;
  kind: string;
  parent?: string;
  /** street whose office this is (by street name) */
  street?: string;
  synthetic: boolean;
}

export const DAYE_UNITS: readonly SeedUnit[] = [
  { code: 'BUREAU', name: '大冶市城市管理执法局', kind: 'bureau', synthetic: false },
  { code: 'OFFICE', name: '局办公室', kind: 'bureau', parent: 'BUREAU', synthetic: false },
  { code: 'COMMAND', name: '数字城管指挥中心', kind: 'bureau', parent: 'BUREAU', synthetic: true },
  { code: 'SANITATION', name: '环卫所', kind: 'sanitation', parent: 'BUREAU', synthetic: true },
  { code: 'PARKS', name: '园林所', kind: 'parks', parent: 'BUREAU', synthetic: true },
  { code: 'MUNICIPAL', name: '市政所', kind: 'municipal', parent: 'BUREAU', synthetic: true },
  { code: 'DRAINAGE', name: '排水所', kind: 'drainage', parent: 'BUREAU', synthetic: true },
  { code: 'GAS', name: '燃气管理处', kind: 'gas', parent: 'BUREAU', synthetic: false },
  { code: 'MUCK', name: '渣土管理办公室', kind: 'enforcement', parent: 'BUREAU', synthetic: true },
  { code: 'ENFORCE', name: '城管执法大队', kind: 'enforcement', parent: 'BUREAU', synthetic: true },
  { code: 'SQUAD1', name: '执法一中队', kind: 'enforcement', parent: 'ENFORCE', synthetic: true },
  { code: 'SQUAD2', name: '执法二中队', kind: 'enforcement', parent: 'ENFORCE', synthetic: true },
  { code: 'SQUAD3', name: '执法三中队', kind: 'enforcement', parent: 'ENFORCE', synthetic: true },
  { code: 'SQUAD4', name: '执法四中队', kind: 'enforcement', parent: 'ENFORCE', synthetic: true },
  { code: 'ST-DONGYUE', name: '东岳路街道办事处', kind: 'street', street: '东岳路街道', synthetic: false },
  { code: 'ST-DONGFENG', name: '东风路街道办事处', kind: 'street', street: '东风路街道', synthetic: false },
  { code: 'ST-JINHU', name: '金湖街道办事处', kind: 'street', street: '金湖街道', synthetic: false },
  { code: 'ST-LUOJIAQIAO', name: '罗家桥街道办事处', kind: 'street', street: '罗家桥街道', synthetic: false },
  { code: 'HUARUN-GAS', name: '大冶华润燃气公司', kind: 'utility', synthetic: false },
  { code: 'CLEANING', name: '城区保洁公司（市场化保洁）', kind: 'utility', synthetic: true },
  { code: 'PUMP-OM', name: '城区泵站运维公司（服务外包）', kind: 'contractor', synthetic: true },
];

/** One demo account per role (README lists them). All synthetic people. */
export const DEMO_PASSWORD = 'Demo@12345';
export const ADMIN_PASSWORD = 'Admin@12345';

/** What the sign-in page offers while the demo city is seeded: every demo account with its password. */
export const demoSignIn = () => ({
  tenantCode: DAYE.code,
  accounts: DAYE_USERS.map((u) => ({
    username: u.username,
    role: u.role,
    password: u.role === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD,
  })),
});

export const DAYE_USERS = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', unit: 'OFFICE' },
  { username: 'leader', displayName: '王局长', role: 'leader', unit: 'BUREAU' },
  { username: 'inspector', displayName: '李监督员', role: 'inspector', unit: 'COMMAND' },
  { username: 'operator', displayName: '张受理员', role: 'operator', unit: 'COMMAND' },
  { username: 'shiftleader', displayName: '陈值班长', role: 'shiftLeader', unit: 'COMMAND' },
  { username: 'dispatcher', displayName: '刘派遣员', role: 'dispatcher', unit: 'COMMAND' },
  { username: 'unitmanager', displayName: '赵所长', role: 'unitManager', unit: 'SANITATION' },
  { username: 'handler', displayName: '周师傅', role: 'unitHandler', unit: 'SANITATION' },
  { username: 'officer', displayName: '黄队员', role: 'enforcementOfficer', unit: 'SQUAD1' },
  { username: 'officer2', displayName: '吴队员', role: 'enforcementOfficer', unit: 'SQUAD1' },
  { username: 'legal', displayName: '郑法制员', role: 'legalReviewer', unit: 'ENFORCE' },
  { username: 'squadleader', displayName: '孙中队长', role: 'squadLeader', unit: 'SQUAD1' },
  { username: 'bureauleader', displayName: '钱副局长', role: 'bureauLeader', unit: 'BUREAU' },
  { username: 'contractor', displayName: '何班长', role: 'unitHandler', unit: 'PUMP-OM' },
] as const;
