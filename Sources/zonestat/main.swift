import Logging
import ZonestatCommands

LoggingSystem.bootstrap(StreamLogHandler.standardError)
ZonestatCommand.main()
