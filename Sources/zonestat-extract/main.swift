import Logging
import ZonestatCommands

LoggingSystem.bootstrap(StreamLogHandler.standardError)
ExtractTool.main()
