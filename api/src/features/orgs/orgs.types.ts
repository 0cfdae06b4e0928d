import { z } from '@hono/zod-openapi';

export const ORG_TYPES = ['district', 'group', 'school', 'department'] as const;
export const GROUP_KINDS = ['secondary', 'primary', 'kindergarten'] as const;

export const ZCreateOrganisation = z.object({
  type: z.enum(ORG_TYPES),
  name: z.string().trim().min(1).max(100),
  shortName: z.string().trim().max(50).optional(),
  parentId: z.string().optional(),
  groupKind: z.enum(GROUP_KINDS).optional(),
  code: z.string().max(50).optional(),
});
export type TCreateOrganisation = z.infer<typeof ZCreateOrganisation>;
export const ZCreateOrganisationBody = ZCreateOrganisation.openapi('CreateOrganisationBody');

export const ZUpdateOrganisation = z
  .object({
    type: z.enum(ORG_TYPES).optional().openapi({ description: 'Accepted only when unchanged' }),
    name: z.string().trim().min(1).max(100).optional(),
    shortName: z.string().trim().max(50).nullable().optional(),
    parentId: z.string().nullable().optional(),
    groupKind: z.enum(GROUP_KINDS).optional(),
    code: z.string().max(50).nullable().optional(),
    expectedVersion: z.number().int().min(1),
  })
  .openapi('UpdateOrganisationBody');
export type TUpdateOrganisation = z.infer<typeof ZUpdateOrganisation>;

export const ZOrgQuery = z.object({
  type: z.enum(ORG_TYPES).optional(),
  parentId: z.string().optional(),
});
export type TOrgQuery = z.infer<typeof ZOrgQuery>;

export const ZOrg = z
  .object({
    id: z.string(),
    type: z.enum(ORG_TYPES),
    name: z.string(),
    shortName: z.string().nullable(),
    parentId: z.string().nullable(),
    groupKind: z.enum(GROUP_KINDS).nullable().optional(),
    code: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Organisation');
export type TOrg = z.infer<typeof ZOrg>;

export const ZOrgList = z.object({ items: z.array(ZOrg) });
