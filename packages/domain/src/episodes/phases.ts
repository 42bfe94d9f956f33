// The phase machine is a shared rule: the server enforces it and the web app offers its moves.
export {
  canChangePhase,
  nextPhases,
  PHASES,
  type Phase,
  phaseChangeRefusal,
} from '@throughline/contracts';
