import Logging
import ZonestatCommands

LoggingSystem.bootstrap(StreamLogHandler.standardError)
TransformTool.main()
