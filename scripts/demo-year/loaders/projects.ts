import { demoProjects } from '../../../server/src/seed/demo-projects.ts';
import type { Loader } from './common.ts';

interface Unit {
  id: string;
  code: string;
}

/**
 * Projects and funds: the demo city's two projects (server/src/seed/demo-projects.ts: 1841万 central budget for the
 * gas pipeline renewal with its 23 subprojects, 22 finished; 800万 special bonds for waste sorting), entered through
 * the projects API: the project, its funds, its subprojects and their milestones with progress.
 */
export const projectsLoader: Loader = {
  name: 'projects',
  async load(api) {
    const units = (await api.get<{ items: Unit[] }>('admin', '/api/org/units?pageSize=200')).items;
    const unit = (code: string) => units.find((u) => u.code === code)?.id ?? null;
    const existing = (await api.get<{ items: { name: string }[] }>('admin', '/api/projects?pageSize=100')).items;
    let created = 0;
    for (const p of demoProjects(unit('GAS'), unit('SANITATION'))) {
      if (existing.some((e) => e.name === p.name)) continue;
      api.at(p.startOn);
      const { id } = await api.post<{ id: string }>('admin', '/api/projects', {
        name: p.name,
        shortName: p.shortName,
        unitId: p.unitId,
        startOn: p.startOn,
        endOn: p.endOn,
        budgetFen: p.budgetFen,
        lng: p.point?.[0] ?? null,
        lat: p.point?.[1] ?? null,
        description: p.description,
      });
      for (const f of p.funds)
        await api.at(f.wonOn).post('admin', `/api/projects/${id}/funds`, {
          source: f.source,
          amountFen: f.amountFen,
          wonOn: f.wonOn,
          documentNo: f.documentNo,
        });
      for (const s of p.subprojects) {
        const sub = await api.post<{ id: string }>('admin', `/api/projects/${id}/subprojects`, {
          name: s.name,
          weightBp: s.weightBp,
          location: s.location,
          lng: s.point?.[0] ?? null,
          lat: s.point?.[1] ?? null,
        });
        for (const m of s.milestones)
          await api
            .at(m.completedOn ?? '2023-12-28')
            .post('admin', `/api/projects/${id}/subprojects/${sub.id}/milestones`, m);
        created += 1 + s.milestones.length;
      }
      created += 1 + p.funds.length;
    }
    return created;
  },
};
