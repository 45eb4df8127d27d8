import { expect, test, type Page } from '@playwright/test';
import { pickOption } from './select.ts';

/**
 * Administrator journey: the administrator signs in, creates a handling unit and a user in it; the new user signs in
 * and sees only the menu their role allows.
 */
async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
}

async function search(page: Page, list: string, text: string) {
  const input = page.getByTestId(`${list}-search`).locator('input');
  await input.fill(text);
  await input.press('Enter');
}

test('admin creates a unit and a user; the user sees only their menu', async ({ page }, info) => {
  // A retry runs against the same server: its unit code and username must not collide with the first attempt's.
  const code = info.retry ? `E2E-LAMP-${info.retry}` : 'E2E-LAMP';
  const username = info.retry ? `lamp.worker${info.retry}` : 'lamp.worker';
  const unitName = info.retry ? `路灯维护队${info.retry}` : '路灯维护队';
  await signIn(page, 'admin', 'Admin@12345');
  await expect(page.getByTestId('menu-users')).toBeVisible();

  await page.goto('/org/units');
  await page.getByTestId('units-create').click();
  await page.getByTestId('unit-form-code').fill(code);
  await page.getByTestId('unit-form-name').fill(unitName);
  await pickOption(page, 'unit-form-kind', '市政所');
  await page.getByTestId('unit-form-submit').click();
  // The form leaves the DOM only after the server said yes (the modal root merely hides).
  await page.getByTestId('unit-form').waitFor({ state: 'detached' });
  await search(page, 'units', unitName);
  await expect(page.getByTestId('units-table')).toContainText(code);

  await page.goto('/org/users');
  await page.getByTestId('users-create').click();
  await page.getByTestId('user-form-username').fill(username);
  await page.getByTestId('user-form-display-name').fill('吴师傅');
  await page.getByTestId('user-form-password').fill('Lamp#2024x');
  await pickOption(page, 'user-form-unit', unitName, unitName);
  await pickOption(page, 'user-form-grant-role-0', '处置人员');
  await pickOption(page, 'user-form-grant-unit-0', unitName, unitName);
  await page.getByTestId('user-form-submit').click();
  await page.getByTestId('user-form').waitFor({ state: 'detached' });
  await search(page, 'users', username);
  await expect(page.getByTestId('users-table')).toContainText('吴师傅');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();

  // First sign-in with the administrator's password: nothing but the forced change until it is done.
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Lamp#2024x');
  await page.getByTestId('login-submit').click();
  // The change dialog is a modal (rendered outside the screen's own element): wait for its field, with no menu.
  await expect(page.getByTestId('change-password-current')).toBeVisible();
  await expect(page.getByTestId('app-menu')).toHaveCount(0);
  await page.getByTestId('change-password-current').fill('Lamp#2024x');
  await page.getByTestId('change-password-new').fill('Street#Lights2024');
  await page.getByTestId('change-password-confirm').fill('Street#Lights2024');
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
  await expect(page.getByTestId('menu-home')).toBeVisible();
  for (const key of ['regions', 'units', 'users', 'audit'])
    await expect(page.getByTestId(`menu-${key}`)).toHaveCount(0);
  // An admin page typed into the address bar is refused, not shown.
  await page.goto('/org/users');
  await expect(page.getByTestId('page-forbidden')).toBeVisible();
});

test('wrong password shows a clear message', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
});
