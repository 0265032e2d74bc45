import Logging
import ZonestatCommands

LoggingSystem.bootstrap(EscapingLogHandler.standardError)
ExtractTool.main()
