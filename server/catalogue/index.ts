/** The law as data: treaties, requirements, who can join, languages, participation. */
export * from './treaties';
export * from './requirements';
export * from './states';
export * from './languages';
export * from './regions';
export * from './participation';
export * from './sources';
export * from './designations';
export * from './answers';
export * from './journey';
