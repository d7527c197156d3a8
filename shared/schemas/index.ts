export * from './city.ts';
export * from './common.ts';
export * from './highlight.ts';
export * from './member.ts';
export * from './practice.ts';
export * from './snippet.ts';
export * from './stakeholder.ts';
