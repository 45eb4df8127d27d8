// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAuth, fakeMe, renderConsole } from '../testing.tsx';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('console shell', () => {
  it('shows an inspector only 工作台 and the welcome page', async () => {
    renderConsole('/', fakeAuth(fakeMe(['inspector'])));
    expect(await screen.findByTestId('welcome-greeting')).toHaveProperty('textContent', '你好，测试员');
    expect(screen.getByTestId('menu-home').textContent).toBe('工作台');
    expect(screen.queryByTestId('menu-regions')).toBeNull();
    expect(screen.queryByTestId('menu-users')).toBeNull();
    expect(screen.queryByText('组织管理')).toBeNull();
    expect(screen.getByTestId('welcome-role-inspector').textContent).toContain('监督员');
  });

  it('shows an admin the organisation pages', async () => {
    renderConsole('/', fakeAuth(fakeMe(['admin'])));
    await screen.findByTestId('page-home');
    for (const [id, label] of [
      ['regions', '区域'],
      ['units', '单位'],
      ['users', '用户'],
      ['audit', '审计日志'],
    ]) {
      expect(screen.getByTestId(`menu-${id}`).textContent).toBe(label);
    }
    expect(screen.getByText('组织管理')).toBeTruthy();
    expect(screen.getByTestId('home-link-users')).toBeTruthy();
  });

  it('answers 403 when a page needs a permission the user lacks, 404 for unknown paths', async () => {
    renderConsole('/org/users', fakeAuth(fakeMe(['inspector'])));
    expect(await screen.findByTestId('page-forbidden')).toBeTruthy();
    cleanup();
    renderConsole('/no/such/page', fakeAuth(fakeMe(['admin'])));
    expect(await screen.findByTestId('page-not-found')).toBeTruthy();
  });

  it('sends a signed-out visitor to /login with the page to come back to', async () => {
    const { router } = renderConsole('/org/units', fakeAuth(null));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Forg%2Funits');
  });

  it('switches the whole shell to English and remembers the choice', async () => {
    renderConsole('/', fakeAuth(fakeMe(['admin'])));
    await screen.findByTestId('page-home');
    fireEvent.click(screen.getByTestId('lang-switch'));
    fireEvent.click(await screen.findByTestId('lang-option-en'));
    await waitFor(() => expect(screen.getByTestId('menu-home').textContent).toBe('Home'));
    expect(screen.getByTestId('menu-users').textContent).toBe('Users');
    expect(screen.getByTestId('welcome-greeting').textContent).toBe('Hello, 测试员');
    expect(localStorage.getItem('cityloop.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('clips a group title too long for the sider with an ellipsis before its arrow, the whole text on hover', async () => {
    renderConsole('/', fakeAuth(fakeMe(['admin'])), 'en');
    await screen.findByTestId('page-home');
    const groups = document.querySelectorAll<HTMLElement>('[data-testid^="menu-group-"]');
    expect(groups.length).toBeGreaterThan(5);
    for (const g of groups) {
      expect(g.title, g.dataset.testid).toBe(g.textContent);
      expect(g.style.textOverflow, g.dataset.testid).toBe('ellipsis');
      expect(g.style.whiteSpace).toBe('nowrap');
      expect(g.style.overflow).toBe('hidden');
      expect(g.style.minWidth).toBe('0');
    }
    expect(screen.getByTestId('menu-group-business').textContent).toBe('Business management');
    // an entry's label keeps the menu's own clipping, and says its whole text on hover as well
    expect(screen.getByTestId('menu-users').title).toBe('Users');
  });
});
