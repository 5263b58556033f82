import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/layout/Layout.js';
import { MeProvider } from './api/me.js';
import { Account } from './registrant/account/Account.js';
import { Application } from './registrant/application/Application.js';
import { Apply } from './registrant/apply/Apply.js';
import { NotFound } from './public/NotFound.js';
import { RegisterDetail } from './public/RegisterDetail.js';
import { RegisterSearch } from './public/RegisterSearch.js';
import { StaffApplication } from './staff/dossier/StaffApplication.js';
import { StaffQueue } from './staff/queue/StaffQueue.js';
import { Verify } from './public/Verify.js';

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
