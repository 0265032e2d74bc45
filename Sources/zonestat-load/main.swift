import Logging
import ZonestatCommands

LoggingSystem.bootstrap(EscapingLogHandler.standardError)
LoadTool.main()
