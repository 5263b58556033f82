import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createQueryClient } from './api/query-client.js';
import { Layout } from './components/layout/Layout.js';
import { Agenda } from './public/Agenda.js';
import { LoginFailed } from './public/LoginFailed.js';
import { NotFound } from './public/NotFound.js';
import { RegisterDetail } from './public/RegisterDetail.js';
import { RegisterSearch } from './public/RegisterSearch.js';
import { Verify } from './public/Verify.js';
import { Account } from './registrant/account/Account.js';
import { Application } from './registrant/application/Application.js';
import { Apply } from './registrant/apply/Apply.js';
import { AccreditationPage } from './provider/accreditations/AccreditationPage.js';
import { NewAccreditation } from './provider/accreditations/NewAccreditation.js';
import { ProviderAccreditations } from './provider/accreditations/ProviderAccreditations.js';
import { StaffAccreditationPage } from './staff/accreditations/StaffAccreditationPage.js';
import { ActivityDetailPage } from './registrant/cpd/ActivityDetailPage.js';
import { ActivityFormPage } from './registrant/cpd/ActivityFormPage.js';
import { ActivityListPage } from './registrant/cpd/ActivityListPage.js';
import { CompetenceMapPage } from './registrant/cpd/CompetenceMapPage.js';
import { CpdProgressPage } from './registrant/cpd/CpdProgressPage.js';
import { StaffApplication } from './staff/dossier/StaffApplication.js';
import { StaffQueue } from './staff/queue/StaffQueue.js';
import { CpdActivityReview } from './staff/cpd/CpdActivityReview.js';
import { CpdQueue } from './staff/cpd/CpdQueue.js';
import { InvitationAccept } from './provider/InvitationAccept.js';
import { ProviderHome } from './provider/ProviderHome.js';
import { StaffOrganisation } from './staff/organisations/StaffOrganisation.js';
import { StaffOrganisations } from './staff/organisations/StaffOrganisations.js';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/register" replace />} />
        {/* public */}
        <Route path="register" element={<RegisterSearch />} />
        <Route path="register/:number" element={<RegisterDetail />} />
        <Route path="verify/:registrationNumber" element={<Verify />} />
        <Route path="login/failed" element={<LoginFailed />} />
        <Route path="agenda" element={<Agenda />} />
        {/* provider: accreditation */}
        <Route path="provider/accreditations" element={<ProviderAccreditations />} />
        <Route path="provider/accreditations/new" element={<NewAccreditation />} />
        <Route path="provider/accreditations/:id" element={<AccreditationPage />} />
        {/* registrant */}
        <Route path="account" element={<Account />} />
        <Route path="apply" element={<Apply />} />
        <Route path="applications/:id" element={<Application />} />
        <Route path="cpd" element={<CpdProgressPage />} />
        <Route path="cpd/activities" element={<ActivityListPage />} />
        <Route path="cpd/activities/new" element={<ActivityFormPage />} />
        <Route path="cpd/activities/:id" element={<ActivityDetailPage />} />
        <Route path="cpd/competences" element={<CompetenceMapPage />} />
        {/* staff */}
        <Route path="staff" element={<StaffQueue />} />
        <Route path="staff/applications/:id" element={<StaffApplication />} />
        <Route path="staff/cpd" element={<CpdQueue />} />
        <Route path="staff/cpd/activities/:id" element={<CpdActivityReview />} />
        <Route path="staff/accreditations/:id" element={<StaffAccreditationPage />} />
        {/* organisations: provider home, invitations, staff authorisation */}
        <Route path="provider" element={<ProviderHome />} />
        <Route path="invitations/:secret" element={<InvitationAccept />} />
        <Route path="staff/organisations" element={<StaffOrganisations />} />
        <Route path="staff/organisations/:id" element={<StaffOrganisation />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
