import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nContext, loadLang, makeI18n, saveLang, type Lang } from './i18n';
import { loadToken, saveToken } from './auth';
import { makeClient } from './client';
import { Shell } from './Shell';
import { BoardPage } from './pages/Board';

// The first page is the board; the others, and the sign-in page (its form), load when opened.
const LoginPage = lazy(() => import('./pages/Login').then((m) => ({ default: m.LoginPage })));
const TrendsPage = lazy(() => import('./pages/Trends'));
const CsRankingPage = lazy(() => import('./pages/CsRanking'));
const ReportsPage = lazy(() => import('./pages/Reports'));
const TasksPage = lazy(() => import('./pages/Tasks'));
const ReviewsPage = lazy(() => import('./pages/Reviews'));
const BonusPage = lazy(() => import('./pages/Bonus'));
const ImportsPage = lazy(() => import('./pages/Imports'));
const SettingsPage = lazy(() => import('./pages/Settings'));

export function App() {
  const [lang, setLangState] = useState<Lang>(loadLang);
  const [token, setTokenState] = useState<string | null>(loadToken);

  const setLang = useCallback((l: Lang) => {
    saveLang(l);
    setLangState(l);
  }, []);
  const setToken = useCallback((t: string | null) => {
    saveToken(t);
    setTokenState(t);
  }, []);

  const handle = useMemo(() => makeClient(token, () => setToken(null)), [token, setToken]);
  useEffect(() => () => handle.dispose(), [handle]);

  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const fallback = <Spin style={{ display: 'block', margin: 48 }} />;

  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ zeroRuntime: true }}>
        <AntApp>
          <Provider value={handle.client}>
            <BrowserRouter>
              <Suspense fallback={fallback}>
                <Routes>
                  <Route
                    path="/login"
                    element={token ? <Navigate to="/" replace /> : <LoginPage onToken={setToken} />}
                  />
                  <Route
                    element={token ? <Shell onLogout={() => setToken(null)} /> : <Navigate to="/login" replace />}
                  >
                    <Route index element={<BoardPage />} />
                    <Route path="trends" element={<TrendsPage />} />
                    <Route path="cs" element={<CsRankingPage />} />
                    <Route path="reports" element={<ReportsPage />} />
                    <Route path="tasks" element={<TasksPage />} />
                    <Route path="reviews" element={<ReviewsPage />} />
                    <Route path="bonus" element={<BonusPage />} />
                    <Route path="imports" element={<ImportsPage />} />
                    <Route path="settings" element={<SettingsPage />} />
                    <Route path="*" element={<Navigate to="/" replace />} />
                  </Route>
                </Routes>
              </Suspense>
            </BrowserRouter>
          </Provider>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
