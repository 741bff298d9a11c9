// Deploys a service (a stand-in for real code in the git features suite).
const TIMEOUT_MINUTES = 40;
module.exports = { TIMEOUT_MINUTES };
