import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.js';
import { MeProvider } from './me.js';
import { Account } from './pages/Account.js';
import { NotFound } from './pages/NotFound.js';
import { RegisterDetail } from './pages/RegisterDetail.js';
import { RegisterSearch } from './pages/RegisterSearch.js';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/register" replace />} />
        <Route path="register" element={<RegisterSearch />} />
        <Route path="register/:number" element={<RegisterDetail />} />
        <Route path="account" element={<Account />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <MeProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </MeProvider>
  );
}
