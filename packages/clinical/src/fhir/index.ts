export { practiceQuestionnaireUrl } from './codes';
export { type ObservationsInput, type ScoreObservations, toObservations } from './observations';
export { toQuestionnaire } from './questionnaire';
export { type QuestionnaireResponseInput, toQuestionnaireResponse } from './questionnaire-response';
export * from './record';
