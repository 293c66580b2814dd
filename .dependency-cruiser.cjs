/**
 * The layer rules (README "Layout"): apps → contracts, libs, activity factories; workflows →
 * contracts, domain; activities → libs, contracts; libs → libs. `npm run check:layers` runs
 * this, and so does the unit test scripts/layer-rules.spec.ts.
 */
const SERVER = '^(apps/(intake|notification|reporting|worker)|libs|workflows|activities)/';
const CONTRACT = '^workflows/[^/]+/contract\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle between modules makes their order of loading matter (a cycle of type imports only does not load anything).',
      severity: 'error',
      from: { path: SERVER },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'libs-stay-down',
      comment: 'Libraries are the bottom floor: they import only other libraries.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(apps|workflows|activities|scripts|test|bench)/' },
    },
    {
      name: 'workflows-see-contracts-and-domain',
      comment:
        'Workflow code runs in the deterministic sandbox: only contracts, the pure domain and the Temporal workflow API.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: '\\.spec\\.ts$' },
      to: {
        pathNot: [
          '^workflows/',
          '^libs/domain/src/',
          'node_modules/@temporalio/(workflow|common)/',
          'node_modules/@types/',
        ],
        dependencyTypesNot: ['type-only', 'core'],
      },
    },
    {
      name: 'activities-see-libs-and-contracts',
      comment:
        'Activities are factories over libraries; they know a workflow by its contract only.',
      severity: 'error',
      from: { path: '^activities/' },
      to: { path: '^(apps|scripts|test|bench)/|^workflows/', pathNot: CONTRACT },
    },
    {
      name: 'apps-see-contracts-not-workflows',
      comment: 'A service starts and talks to a workflow through its contract, never its code.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^workflows/', pathNot: CONTRACT },
    },
    {
      name: 'storage-behind-its-port',
      comment:
        'Only libs/database sees mongoose or the driver; everything else stores through its repositories (Storage).',
      severity: 'error',
      from: { path: '^(apps|activities|libs)/', pathNot: '^libs/database/' },
      to: { path: 'node_modules/(mongoose|mongodb|@nestjs/mongoose)/' },
    },
    {
      name: 'apps-stay-apart',
      comment: 'Each service is its own process; what two share belongs in a library.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/|\\.(spec|test)\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
