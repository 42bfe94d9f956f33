export { ALLIANCE_DROP, ALLIANCE_FLOOR, allianceDropAlert } from './alliance-drop';
export { type NotOnTrackInput, notOnTrackAlert, reliableDeteriorationAlert } from './change-rules';
export { riskItemAlert, riskItemAlertFromAnswers } from './risk-item';
export { ALERT_RULES_VERSION, type Alert } from './types';
