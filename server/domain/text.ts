// The text rules are part of the contract (the client's forms use them too); the server's code imports them here.
export { cleanReceivedName, freeText, personName, singleLineText, TEXT_MESSAGES } from '../contract/text.js';
