import Logging
import ZonestatCommands

LoggingSystem.bootstrap(EscapingLogHandler.standardError)
TransformTool.main()
