// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import type { Component } from '../../../../common/contracts/components.ts';
import { fakeAuth, fakeMe, withProviders } from '../../testing.tsx';
import { ComponentsPage } from './ComponentsPage.tsx';

afterEach(cleanup);

const manhole: Component = {
  id: 'c1',
  code: '42028103005000001',
  classCode: '03005',
  className: '污水井盖',
  name: '东岳路污水井盖',
  state: 'damaged',
  deptName: '市政公用局',
  ownerName: null,
  maintainerName: null,
  gridCode: '420281001001001',
  streetId: null,
  streetCode: null,
  streetName: null,
  communityId: null,
  communityCode: null,
  communityName: '东岳社区',
  lng: 114.97,
  lat: 30.1,
  initialDate: '2024-01-02',
  changeDate: null,
  source: null,
  notes: null,
  synthetic: false,
  updatedAt: '2024-01-02T00:00:00.000Z',
};

describe('components list', () => {
  it('lists components with their state, links each to the map, offers the export and filters by state and class', async () => {
    const fetchPage = vi.fn(async () => ({ items: [manhole], total: 1, page: 1, pageSize: 20 }));
    render(
      withProviders(
        <MemoryRouter>
          <App>
            <ComponentsPage fetchPage={fetchPage} />
          </App>
        </MemoryRouter>,
        fakeAuth(fakeMe(['admin'])),
      ),
    );
    expect(await screen.findByText('东岳路污水井盖')).toBeTruthy();
    expect(screen.getByText('42028103005000001')).toBeTruthy();
    expect(screen.getByTestId('component-map-42028103005000001').getAttribute('href')).toBe(
      '/map?component=42028103005000001&lng=114.97&lat=30.1',
    );
    expect(screen.getByTestId('components-export')).toBeTruthy();

    const classInput = screen.getByTestId('components-filter-class') as HTMLInputElement;
    fireEvent.change(classInput.tagName === 'INPUT' ? classInput : classInput.querySelector('input')!, {
      target: { value: '03005' },
    });
    await waitFor(() =>
      expect(fetchPage).toHaveBeenLastCalledWith(expect.objectContaining({ classCode: '03005' }), expect.anything()),
    );
  });
});
