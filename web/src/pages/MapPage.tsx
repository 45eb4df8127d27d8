import { PageSection } from '../components/PageSection.tsx';
import { AlarmMapLayer } from '../features/iot/AlarmMapLayer.tsx';
import { IcMapLayer } from '../features/illegal-construction/IcMapLayer.tsx';
import { LineMapLayers } from '../features/lines/LineMapLayers.tsx';
import { CaseLayer } from '../features/map/CaseLayer.tsx';
import { MapView } from '../features/map/MapView.tsx';
import { ProjectsMapLayer } from '../features/projects/ProjectsMapLayer.tsx';
import { useI18n } from '../i18n/context.ts';

export function MapPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('map.title')} testId="page-map">
      <MapView>
        <CaseLayer />
        <IcMapLayer />
        <ProjectsMapLayer />
        <AlarmMapLayer />
        <LineMapLayers />
      </MapView>
    </PageSection>
  );
}
