// The database schema, one module per area. drizzle-kit reads this file to generate migrations
// (`npm run db:generate`); never edit the generated SQL in server/drizzle by hand.

export * from './library.ts';
export * from './set-aside.ts';
export * from './tenancy.ts';
export * from './translation.ts';
export * from './web.ts';
