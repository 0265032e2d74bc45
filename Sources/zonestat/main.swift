import Logging
import ZonestatCommands

LoggingSystem.bootstrap(EscapingLogHandler.standardError)
ZonestatCommand.main()
