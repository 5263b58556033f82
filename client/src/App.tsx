import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.js';
import { MeProvider } from './me.js';
import { Account } from './pages/Account.js';
import { Application } from './pages/Application.js';
import { Apply } from './pages/Apply.js';
import { NotFound } from './pages/NotFound.js';
import { RegisterDetail } from './pages/RegisterDetail.js';
import { RegisterSearch } from './pages/RegisterSearch.js';
import { StaffApplication } from './pages/StaffApplication.js';
import { StaffQueue } from './pages/StaffQueue.js';
import { Verify } from './pages/Verify.js';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/register" replace />} />
        <Route path="register" element={<RegisterSearch />} />
        <Route path="register/:number" element={<RegisterDetail />} />
        <Route path="account" element={<Account />} />
        <Route path="apply" element={<Apply />} />
        <Route path="applications/:id" element={<Application />} />
        <Route path="staff" element={<StaffQueue />} />
        <Route path="staff/applications/:id" element={<StaffApplication />} />
        <Route path="verify/:registrationNumber" element={<Verify />} />
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
