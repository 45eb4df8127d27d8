/**
 * The demo city's 处置责任分解表 as routing rules (docs/standards.md, "Workflow stages and roles", step 5). Runs after seedDemoCity (units,
 * streets, catalog, filing conditions). Seeds are not audited: no person made the change. Illustrative data for
 * 大冶市, not the bureau's real table: the administrators replace it on the routing screen.
 *
 * What the rules do, with routing-precedence.ts's order in mind:
 * - fallback → 城管执法大队: the bureau's own squad takes whatever no rule or filing condition claims, and
 *   re-dispatches it; the command centre (数字城管指挥中心) dispatches, it does not handle.
 * - 09 街面秩序类 × each street that has a street office → that office (major class + region, 属地管理). Four
 *   rules instead of one per street × street-type matter. 09 is the class whose street-type matters (09005 店外经营,
 *   09010 非机动车乱停放, 09022 占道促销宣传) are most of the class, and its matters without a filing condition
 *   (共享单车乱象, 占用消防通道, 占道洗车 …) are 门前三包 matters a street office handles. Class 06 is not routed this
 *   way: most 06 matters belong to 环卫/市政/园林, and a class rule would outrank their filing conditions.
 * - 09 matters that stay with enforcement everywhere (09001 游商, 09002 夜市, 09006 占道经营, 09009 机动车乱停放) get a
 *   matter rule → 城管执法大队, which outranks the street-office class rule (matter beats class at any region).
 * - 06036 乱堆杂物, the one street-type matter outside 09: one matter + street rule per street office.
 * - Matter-specific squads: 09006 占道经营 in 金湖街道 → 执法三中队 and in 东岳路街道 → 执法一中队 (matter + street
 *   beats matter); 08011/08012 渣土 matters → 渣土管理办公室 (the 2024 plan's 渣土全过程监管).
 * Towns (镇/乡) have no street office among the demo units: their street-type cases fall to the fallback.
 */
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { seededDirectory } from '../modules/org/index.ts';
import { hasRoutingRules, seedRoutingRules, type RuleSeed } from '../modules/routing/index.ts';

/** Street-order matters that enforcement handles in every street. */
const ENFORCEMENT_STREET_ORDER = ['09001', '09002', '09006', '09009'] as const;
const STREET_TYPE_OUTSIDE_09 = ['06036'] as const;
const MUCK_MATTERS = ['08011', '08012'] as const;
/** [matter, street name, unit code] */
const SQUAD_RULES: readonly (readonly [string, string, string])[] = [
  ['09006', '金湖街道', 'SQUAD3'],
  ['09006', '东岳路街道', 'SQUAD1'],
];

/** Seeds the rules into a tenant that has none (an administrator's table is never overwritten). Returns the count. */
export async function seedDemoRouting(tx: Executor, tenantId: string, clock: Clock): Promise<number> {
  if (await hasRoutingRules(tx, tenantId)) return 0;
  const { units, regions } = await seededDirectory(tx, tenantId);
  const unitId = (code: string) => units.find((u) => u.code === code)?.id;
  const regionId = (name: string) => regions.find((r) => r.name === name)?.id;
  const streetOffices = units.filter((u) => u.kind === 'street' && u.region_id !== null);

  const rules: RuleSeed[] = [];
  const enforce = unitId('ENFORCE');
  if (enforce) {
    rules.push({
      matter_code: null,
      major_code: null,
      region_id: null,
      unit_id: enforce,
      note: '兜底：未匹配任何规则的案件派城管执法大队，由其分转',
    });
    for (const m of ENFORCEMENT_STREET_ORDER)
      rules.push({
        matter_code: m,
        major_code: null,
        region_id: null,
        unit_id: enforce,
        note: '街面秩序中由执法队伍处置的事项，不随街道属地',
      });
  }
  for (const office of streetOffices) {
    rules.push({
      matter_code: null,
      major_code: '09',
      region_id: office.region_id,
      unit_id: office.id,
      note: `街面秩序类属地管理：${office.name}`,
    });
    for (const m of STREET_TYPE_OUTSIDE_09)
      rules.push({
        matter_code: m,
        major_code: null,
        region_id: office.region_id,
        unit_id: office.id,
        note: `属地管理：${office.name}`,
      });
  }
  const muck = unitId('MUCK');
  if (muck)
    for (const m of MUCK_MATTERS)
      rules.push({ matter_code: m, major_code: null, region_id: null, unit_id: muck, note: '渣土全过程监管' });
  for (const [matter, street, squad] of SQUAD_RULES) {
    const region = regionId(street);
    const unit = unitId(squad);
    if (region && unit)
      rules.push({
        matter_code: matter,
        major_code: null,
        region_id: region,
        unit_id: unit,
        note: `${street}由责任中队处置`,
      });
  }

  return seedRoutingRules(tx, tenantId, clock, rules);
}
