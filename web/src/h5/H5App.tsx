/**
 * The inspector's phone app at /h5 (监督员移动端, "城管通"): its own layout outside the console, all pages in
 * one chunk so every tab keeps working once loaded, even after the signal is gone.
 */
import { Navigate, Route, Routes } from 'react-router-dom';
import { CensusTaskPage } from './census/CensusTaskPage.tsx';
import { CensusTasksPage } from './census/CensusTasksPage.tsx';
import { DraftsPage } from './drafts/DraftsPage.tsx';
import { H5Layout } from './H5Layout.tsx';
import { InspectionPage } from './inspections/InspectionPage.tsx';
import { InspectionTasksPage } from './inspections/InspectionTasksPage.tsx';
import { MePage } from './me/MePage.tsx';
import { QueueProvider } from './offline/QueueProvider.tsx';
import type { DraftStore } from './offline/draft-store.ts';
import { TaskPage } from './tasks/TaskPage.tsx';
import { TasksPage } from './tasks/TasksPage.tsx';
import { WorkOrderPage } from './work-orders/WorkOrderPage.tsx';
import { WorkOrdersPage } from './work-orders/WorkOrdersPage.tsx';

interface Props {
  /** tests only */
  store?: DraftStore;
  fetch?: typeof fetch;
}

export function H5App({ store, fetch }: Props = {}) {
  return (
    <QueueProvider store={store} fetch={fetch}>
      <Routes>
        <Route element={<H5Layout />}>
          <Route index element={null} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="tasks/:id" element={<TaskPage />} />
          <Route path="census" element={<CensusTasksPage />} />
          <Route path="census/:id" element={<CensusTaskPage />} />
          <Route path="inspections" element={<InspectionTasksPage />} />
          <Route path="inspections/:id" element={<InspectionPage />} />
          <Route path="work-orders" element={<WorkOrdersPage />} />
          <Route path="work-orders/:id" element={<WorkOrderPage />} />
          <Route path="drafts" element={<DraftsPage />} />
          <Route path="me" element={<MePage />} />
          <Route path="*" element={<Navigate to="/h5" replace />} />
        </Route>
      </Routes>
    </QueueProvider>
  );
}
