/** What /api/openapi.json says about itself; the console's types are generated from the same document. */
export function openApiConfig(appVersion = '0.0.0') {
  return {
    openapi: '3.1.0',
    info: {
      title: 'EduFlow API',
      version: appVersion,
      description:
        'Workflow and governance console for a district education bureau. Human summary: docs/api-contract.md.',
    },
    security: [{ session: [] }],
  };
}
