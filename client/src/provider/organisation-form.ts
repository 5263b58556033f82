/** The organisation details form: its values and schemas, built on the server's request and update schemas. Pure. */
import { z } from 'zod';
import { requestOrganisationBody, updateOrganisationBody } from '../../../server/contract/organisations.js';
import type { MyOrganisation, RequestOrganisationRequest, UpdateOrganisationRequest } from '../api/organisation-types.js';

export const ORGANISATION_FIELDS = ['name', 'kvkNumber', 'contactName', 'contactEmail', 'phone', 'website', 'city'] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
export type OrganisationFormValues = Record<OrganisationField, string>;

export const EMPTY_ORGANISATION: OrganisationFormValues = { name: '', kvkNumber: '', contactName: '', contactEmail: '', phone: '', website: '', city: '' };

const trimmed = z.object(Object.fromEntries(ORGANISATION_FIELDS.map((f) => [f, z.string().transform((v) => v.trim())])) as Record<OrganisationField, z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>);

/** A new request: every field is required. */
export const requestFormSchema = trimmed.pipe(requestOrganisationBody).transform((body): RequestOrganisationRequest => body);

export function valuesOf(o: MyOrganisation): OrganisationFormValues {
  return {
    name: o.name,
    kvkNumber: o.kvkNumber ?? '',
    contactName: o.contactName ?? '',
    contactEmail: o.contactEmail ?? '',
    phone: o.phone ?? '',
    website: o.website ?? '',
    city: o.city ?? '',
  };
}

/** An edit sends only what changed; with nothing changed the schema says so (no request is made). */
export function updateFormSchema(before: OrganisationFormValues) {
  return trimmed
    .transform((v) => Object.fromEntries(ORGANISATION_FIELDS.filter((f) => v[f] !== before[f]).map((f) => [f, v[f]])))
    .pipe(updateOrganisationBody)
    .transform((body): UpdateOrganisationRequest => body);
}
