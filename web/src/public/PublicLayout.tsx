import { useEffect } from 'react';
import { CameraOutlined, FileSearchOutlined } from '@ant-design/icons';
import { NavLink, Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useI18n } from '../i18n/context.ts';
import { usePublicInfo } from './info-context.ts';

/** The phone frame: city title with the language switch, the page, the emergency notice and a two-tab bar. */
export function PublicLayout() {
  const { t } = useI18n();
  const { info } = usePublicInfo();
  const city = info?.city.name ?? '';
  const title = city ? t('public.cityTitle', { city }) : t('public.title');

  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <div className="pub-root" data-testid="public-app">
      <header className="pub-header">
        <span className="pub-header-title" data-testid="public-title">{title}</span>
        <LanguageSwitch compact />
      </header>
      <main className="pub-content">
        <Outlet />
        <footer className="pub-footer">
          <div>{t('public.emergency')}</div>
          {city ? <div>{t('public.footer', { city })}</div> : null}
        </footer>
      </main>
      <nav className="pub-tabbar" aria-label={t('public.title')}>
        <NavLink to="/public" end className={({ isActive }) => `pub-tab${isActive ? ' active' : ''}`} data-testid="public-tab-report">
          <CameraOutlined />
          <span>{t('public.tabs.report')}</span>
        </NavLink>
        <NavLink to="/public/track" className={({ isActive }) => `pub-tab${isActive ? ' active' : ''}`} data-testid="public-tab-track">
          <FileSearchOutlined />
          <span>{t('public.tabs.track')}</span>
        </NavLink>
      </nav>
    </div>
  );
}
