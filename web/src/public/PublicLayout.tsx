import { useEffect } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { useI18n } from '../i18n/context.ts';
import { usePublicInfo } from './info-context.ts';
import { Icon } from '../phone/ui/icons.tsx';
import { LanguageSelect } from '../phone/ui/LanguageSelect.tsx';
import { ToastHost } from '../phone/ui/toast.tsx';

/** The phone frame: city title with the language switch, the page, the emergency notice and a three-tab bar. */
export function PublicLayout() {
  const { t } = useI18n();
  const { info } = usePublicInfo();
  const city = info?.city.name ?? '';
  const title = city ? t('public.cityTitle', { city }) : t('public.title');

  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <div className="phone-root pub-root" data-testid="public-app">
      <header className="phone-header pub-header">
        <span className="phone-header-title pub-header-title" data-testid="public-title">
          {title}
        </span>
        <LanguageSelect />
      </header>
      <main className="phone-content pub-content">
        <Outlet />
        <footer className="pub-footer">
          <div>{t('public.emergency')}</div>
          {city ? <div>{t('public.footer', { city })}</div> : null}
        </footer>
      </main>
      <nav className="phone-tabbar pub-tabbar" aria-label={t('public.title')}>
        <NavLink
          to="/public"
          end
          className={({ isActive }) => `phone-tab pub-tab${isActive ? ' active' : ''}`}
          data-testid="public-tab-report"
        >
          <Icon name="camera" />
          <span>{t('public.tabs.report')}</span>
        </NavLink>
        <NavLink
          to="/public/reports"
          className={({ isActive }) => `phone-tab pub-tab${isActive ? ' active' : ''}`}
          data-testid="public-tab-reports"
        >
          <Icon name="pin" />
          <span>{t('participation.reports.tab')}</span>
        </NavLink>
        <NavLink
          to="/public/night-market"
          className={({ isActive }) => `phone-tab pub-tab${isActive ? ' active' : ''}`}
          data-testid="public-tab-night-market"
        >
          <Icon name="tasks" />
          <span>{t('nightMarket.public.tab')}</span>
        </NavLink>
        <NavLink
          to="/public/frontage"
          className={({ isActive }) => `phone-tab pub-tab${isActive ? ' active' : ''}`}
          data-testid="public-tab-frontage"
        >
          <Icon name="user" />
          <span>{t('frontagePublic.tab')}</span>
        </NavLink>
        <NavLink
          to="/public/track"
          className={({ isActive }) => `phone-tab pub-tab${isActive ? ' active' : ''}`}
          data-testid="public-tab-track"
        >
          <Icon name="track" />
          <span>{t('public.tabs.track')}</span>
        </NavLink>
      </nav>
      <ToastHost testIdPrefix="public-toast" />
    </div>
  );
}
