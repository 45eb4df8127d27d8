// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { WorkOrder } from '../../../../common/contracts/assets.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeMe } from '../../testing.tsx';
import type * as photos from '../../phone/photos.ts';
import { fakeServer, renderH5, type Call } from '../h5-testing.tsx';

// happy-dom decodes no images: the camera's compression answers a tiny JPEG, the upload itself goes to the fake server
vi.mock('../../phone/photos.ts', async (original) => ({
  ...(await original<typeof photos>()),
  compressPhoto: async () => 'data:image/jpeg;base64,/9j/4AAQ',
}));

const handler = fakeMe(['unitHandler'], { id: 'u-2', username: 'handler' });

const order = (over: Partial<WorkOrder> = {}): WorkOrder => ({
  id: 'wo1',
  orderNo: 'YH2024-00001',
  assetId: 'a1',
  assetCode: 'DY-ZZ-02',
  assetName: '东岳转运站',
  line: 'sanitation',
  caseId: null,
  caseNo: null,
  title: '压缩箱体焊补',
  kind: null,
  unitId: 'unit1',
  unitName: '环卫所',
  state: 'in_progress',
  dueAt: '2024-03-15T09:30:00Z',
  overdue: false,
  quantity: null,
  quantityUnit: 'm2',
  costFen: null,
  beforePhotoIds: [],
  afterPhotoIds: [],
  note: null,
  startedAt: '2024-03-12T01:00:00Z',
  doneAt: null,
  acceptedAt: null,
  createdAt: '2024-03-12T00:00:00Z',
  updatedAt: '2024-03-12T01:00:00Z',
  ...over,
});

const photo = { id: 'ph1', phase: 'report', width: 1, height: 1, url: '/p', thumbUrl: '/t', createdAt: 'x' };

async function takePhoto() {
  const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8])], 'a.jpg', {
    type: 'image/jpeg',
  });
  fireEvent.change(await screen.findByTestId('h5-wo-photo-input'), { target: { files: [file] } });
  await screen.findByTestId('h5-wo-photo-0');
}

beforeEach(() => {
  window.localStorage.clear();
  api.setCsrfToken(null);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('finishing a work order on the phone', () => {
  it('sends the quantity in the order’s unit and the cost in fen with the after-photos', async () => {
    const steps: Call[] = [];
    const server = fakeServer({
      'GET /api/assets/work-orders/wo1': () => ({ status: 200, body: order() }),
      'POST /api/photos': () => ({ status: 201, body: photo }),
      'POST /api/assets/work-orders/wo1/steps': (call) => {
        steps.push(call);
        return { status: 200, body: order({ state: 'done' }) };
      },
      'GET /api/assets/work-orders': () => ({ status: 200, body: { items: [], total: 0, page: 1, pageSize: 50 } }),
    });
    const { router } = renderH5('/h5/work-orders/wo1', server.fetch, { auth: fakeAuth(handler) });
    await takePhoto();
    // the unit shown is the order's until another is picked
    expect((screen.getByTestId('h5-wo-unit') as HTMLSelectElement).value).toBe('m2');
    fireEvent.change(screen.getByTestId('h5-wo-quantity'), { target: { value: '12.5' } });
    fireEvent.change(screen.getByTestId('h5-wo-cost'), { target: { value: '1234.56' } });
    fireEvent.click(screen.getByTestId('h5-wo-finish'));
    await waitFor(() => expect(steps).toHaveLength(1));
    expect(steps[0]!.body).toEqual({
      action: 'finish',
      afterPhotoIds: ['ph1'],
      quantity: 12.5,
      quantityUnit: 'm2',
      costFen: 123_456,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/h5/work-orders'));
  });

  it('leaves quantity and cost out when they are empty, and stops a negative one before sending', async () => {
    const steps: Call[] = [];
    const server = fakeServer({
      'GET /api/assets/work-orders/wo1': () => ({ status: 200, body: order({ quantityUnit: null }) }),
      'POST /api/photos': () => ({ status: 201, body: photo }),
      'POST /api/assets/work-orders/wo1/steps': (call) => {
        steps.push(call);
        return { status: 200, body: order({ state: 'done' }) };
      },
    });
    renderH5('/h5/work-orders/wo1', server.fetch, { auth: fakeAuth(handler) });
    await takePhoto();
    fireEvent.change(screen.getByTestId('h5-wo-cost'), { target: { value: '-3' } });
    fireEvent.click(screen.getByTestId('h5-wo-finish'));
    expect((await screen.findByTestId('h5-wo-cost-error')).textContent).toBe('不能为负数');
    expect(steps).toHaveLength(0);
    fireEvent.change(screen.getByTestId('h5-wo-cost'), { target: { value: '' } });
    expect(screen.queryByTestId('h5-wo-cost-error')).toBeNull();
    fireEvent.click(screen.getByTestId('h5-wo-finish'));
    await waitFor(() => expect(steps).toHaveLength(1));
    expect(steps[0]!.body).toEqual({ action: 'finish', afterPhotoIds: ['ph1'] });
  });

  it('shows the server’s refusals under the quantity unit and the cost (in English too)', async () => {
    const server = fakeServer({
      'GET /api/assets/work-orders/wo1': () => ({ status: 200, body: order({ quantityUnit: null }) }),
      'POST /api/photos': () => ({ status: 201, body: photo }),
      'POST /api/assets/work-orders/wo1/steps': () => ({
        status: 400,
        body: {
          error: {
            code: 'ASSET_QUANTITY_UNIT',
            message: 'a quantity needs its unit',
            requestId: 'r1',
            details: [{ field: 'body.quantityUnit', rule: 'required', message: 'a quantity needs its unit' }],
          },
        },
      }),
    });
    renderH5('/h5/work-orders/wo1', server.fetch, { auth: fakeAuth(handler), locale: 'en' });
    await takePhoto();
    fireEvent.change(screen.getByTestId('h5-wo-quantity'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('h5-wo-finish'));
    expect((await screen.findByTestId('h5-wo-unit-error')).textContent).toBe('A quantity needs its unit');
    expect(screen.getByTestId('h5-wo-unit').getAttribute('aria-invalid')).toBe('true');
  });
});
