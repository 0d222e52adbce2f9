export { detectHumanRequest, findHumanRequest } from './detect-human-request.js';
